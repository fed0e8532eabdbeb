# orca-fixture: plain with inside an async flow
# prefect: 3.4.20
# rule: missing-async-with
# lines: 10
from prefect import flow
from prefect.concurrency.asyncio import concurrency

@flow
async def load_all(batches):
    with concurrency("warehouse-writes", occupy=2) as slots:
        await write_all(batches)
