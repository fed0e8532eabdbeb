# orca-fixture: 2.x async flow gathering async tasks
# prefect: 2.20.25
import asyncio
from prefect import flow, task

@task
async def fetch(i: int) -> int:
    await asyncio.sleep(0.1)
    return i

@flow
async def gather_all() -> int:
    results = await asyncio.gather(*[fetch(i) for i in range(5)])
    return sum(results)

if __name__ == "__main__":
    asyncio.run(gather_all())
