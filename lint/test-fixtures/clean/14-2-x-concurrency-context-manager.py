# orca-fixture: 2.x concurrency context manager
# prefect: 2.20.25
from prefect import flow, task
from prefect.concurrency.sync import concurrency

@task
def query(i: int) -> int:
    with concurrency("database", occupy=1):
        return i

@flow
def limited():
    return [query(i) for i in range(3)]
