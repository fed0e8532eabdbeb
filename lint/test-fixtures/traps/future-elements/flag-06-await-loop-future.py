# orca-fixture: awaiting each future of a loop in a 3.x async flow
# prefect: 3.4.20
# rule: not-awaitable
# lines: 17
from prefect import flow, task


@task
async def fetch(url):
    return url


@flow
async def crawl(urls):
    futures = fetch.map(urls)
    for fut in futures:
        print(await fut)
