# orca-fixture: a direct task call, a state and a name bound twice are not futures
# prefect: 3.4.20
# rule: record-used-as-value
# lines: none
from prefect import flow, task


@task
def count(store):
    return len(store)


@flow
def total_items(stores):
    n = count(stores[0])
    state = count(stores[1], return_state=True)
    x = count.submit(stores[2])
    x = 3
    return n + 1, state, x + 1, sum([count(s) for s in stores])
