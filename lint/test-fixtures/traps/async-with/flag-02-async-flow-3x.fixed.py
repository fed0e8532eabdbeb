from prefect import flow
from prefect.concurrency.asyncio import concurrency

@flow
async def load_all(batches):
    async with concurrency("warehouse-writes", occupy=2) as slots:
        await write_all(batches)
