# orca-fixture: the async client under async with
# prefect: 3.4.20
# rule: missing-async-with
# lines: none
from prefect import get_client


async def state(run_id):
    async with get_client() as client:
        return (await client.read_flow_run(run_id)).state
