# orca-fixture: the asyncio concurrency helper in a sync task
# prefect: 3.4.20
# rule: missing-async-with
# lines: 10
from prefect import task
from prefect.concurrency.asyncio import concurrency

@task
def load_batch(rows):
    with concurrency("warehouse-writes", occupy=1):
        write(rows)
