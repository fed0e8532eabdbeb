# orca-fixture: 2.x tags and wait_for
# prefect: 2.20.25
from prefect import flow, task, tags

@task
def step_a() -> int:
    return 1

@task
def step_b() -> int:
    return 2

@flow
def ordered():
    with tags("etl", "nightly"):
        a = step_a.submit()
        b = step_b.submit(wait_for=[a])
    return b.result()
