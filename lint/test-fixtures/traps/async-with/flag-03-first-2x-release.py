# orca-fixture: the first 2.x release with the asyncio module, aliased import, two with statements
# prefect: 2.11.5
# rule: missing-async-with
# lines: 10 15
from prefect import flow
from prefect.concurrency.asyncio import concurrency as limit

@flow
def nightly(rows):
    with limit("warehouse-writes"):
        write(rows)


def cleanup():
    with limit("warehouse-writes"):
        vacuum()
