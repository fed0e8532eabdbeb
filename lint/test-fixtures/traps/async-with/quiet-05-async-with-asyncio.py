# orca-fixture: the asyncio helper under async with
# prefect: 3.4.20
# rule: missing-async-with
# lines: none
from prefect import flow
from prefect.concurrency.asyncio import concurrency

@flow
async def load_all(batches):
    async with concurrency("warehouse-writes", occupy=2):
        await write_all(batches)
