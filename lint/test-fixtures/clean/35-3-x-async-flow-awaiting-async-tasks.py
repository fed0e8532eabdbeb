# orca-fixture: 3.x async flow awaiting async tasks
# prefect: 3.8.3
import asyncio
from prefect import flow, task

@task
async def fetch(i: int) -> int:
    await asyncio.sleep(0.01)
    return i

@flow
async def gather_all() -> int:
    results = await asyncio.gather(*[fetch(i) for i in range(3)])
    return sum(results)
