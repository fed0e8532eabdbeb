# orca-fixture: 3.x async flow awaiting wait_for_flow_run and async tasks
# prefect: 3.4.20
import asyncio
from prefect import flow, task
from prefect.deployments import run_deployment
from prefect.flow_runs import wait_for_flow_run
from prefect.variables import Variable

@task
async def fetch(u: str) -> str:
    await asyncio.sleep(0)
    return u

@flow
async def parent(urls: list[str]):
    run = await run_deployment("child/prod", timeout=0)
    finished = await wait_for_flow_run(run.id)
    base = Variable.get("api_base", default="https://example.com")
    pages = await asyncio.gather(*[fetch(f"{base}/{u}") for u in urls])
    return finished.state, pages
