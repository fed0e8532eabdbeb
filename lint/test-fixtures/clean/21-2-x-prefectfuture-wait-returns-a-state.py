# orca-fixture: 2.x PrefectFuture.wait returns a state
# prefect: 2.20.25
from prefect import flow, task

@task
def slow() -> int:
    return 42

@flow
def waiter():
    future = slow.submit()
    state = future.wait(timeout=10)
    return state
