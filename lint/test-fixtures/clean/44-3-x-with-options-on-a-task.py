# orca-fixture: 3.x with_options on a task
# prefect: 3.4.20
from prefect import flow, task

@task
def fetch(i: int) -> int:
    return i

@flow
def tuned() -> int:
    fast = fetch.with_options(retries=5, name="fetch-with-retries")
    return fast.submit(1).result()
