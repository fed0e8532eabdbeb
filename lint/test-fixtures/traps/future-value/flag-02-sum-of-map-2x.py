# orca-fixture: the same sum() on 2.x, where .map() gives a plain list of futures
# prefect: 2.20.25
# rule: record-used-as-value
# lines: 16
from prefect import flow, task


@task
def count(store):
    return len(store)


@flow
def total_items(stores):
    counts = count.map(stores)
    print(max(counts))
