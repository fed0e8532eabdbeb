# orca-fixture: 3.x returning futures resolves them
# prefect: 3.4.20
from prefect import flow, task

@task
def one() -> int:
    return 1

@flow
def returns_futures():
    a = one.submit()
    b = one.submit()
    return [a, b]
