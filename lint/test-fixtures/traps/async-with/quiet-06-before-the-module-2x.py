# orca-fixture: before 2.11.5 the module is missing: only the import check speaks
# prefect: 2.11.4
# rule: missing-async-with
# lines: none
from prefect import task
from prefect.concurrency.asyncio import concurrency

@task
def load_batch(rows):
    with concurrency("warehouse-writes", occupy=1):
        write(rows)
