# orca-fixture: 2.x async client
# prefect: 2.20.25
import asyncio
from prefect import get_client

async def recent_runs() -> list[str]:
    async with get_client() as client:
        runs = await client.read_flow_runs(limit=5)
        return [r.name for r in runs]

if __name__ == "__main__":
    print(asyncio.run(recent_runs()))
