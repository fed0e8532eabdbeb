# orca-fixture: 2.x awaited futures and Variable objects
# prefect: 2.19.8
from prefect import flow, task
from prefect.variables import Variable

@task
async def fetch(url: str) -> str:
    return url

@flow
async def crawl(urls: list[str]) -> list[str]:
    region = Variable.get("aws_region").value
    futures = [await fetch.submit(u) for u in urls]
    return [region] + [await f.result() for f in futures]
