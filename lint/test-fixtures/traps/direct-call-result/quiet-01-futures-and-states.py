# orca-fixture: futures and states have .result(): submit, map, return_state=True, an async task, a rebound name
# prefect: 3.4.20
# rule: unknown-attribute
# lines: none
from prefect import flow, task


@task
def add(x):
    return x + 1


@task
async def fetch(x):
    return x


@flow
async def pipeline():
    a = add.submit(1).result()
    b = [f.result() for f in add.map([1, 2])]
    state = add(2, return_state=True)
    c = state.result()
    d = fetch(1)
    e = await d
    g = add(3)
    g = add.submit(4)
    return a, b, c, e, g.result()
