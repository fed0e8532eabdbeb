# orca-fixture: a sync task called from an async flow in 2.x goes through the async engine: not judged
# prefect: 2.20.3
# rule: unknown-attribute
# lines: none
from prefect import flow, task


@task
def add(x):
    return x + 1


@flow
async def pipeline():
    return add(1).result()
