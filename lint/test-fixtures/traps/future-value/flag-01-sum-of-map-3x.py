# orca-fixture: sum() over what .map() returns, the reported TypeError
# prefect: 3.4.20
# rule: record-used-as-value
# lines: 16
from prefect import flow, task


@task
def count(store):
    return len(store)


@flow
def total_items(stores):
    # TypeError: unsupported operand type(s) for +: 'int' and 'PrefectConcurrentFuture'
    return sum(count.map(stores))
