# orca-fixture: 2.x futures resolved element by element, passed on and zipped
# prefect: 2.20.25
# rule: record-used-as-value
# lines: none
from prefect import flow, task


@task
def count(store):
    return len(store)


@task
def report(n):
    print(n)


@flow
def total_items(stores):
    counts = count.map(stores)
    report.map(counts)
    for store, f in zip(stores, counts):
        print(store, f.result())
    return sum([f.result() for f in counts])
