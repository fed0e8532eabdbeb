from prefect import flow, task


@task
def count(store):
    return len(store)


@flow
def total_items(stores):
    # TypeError: unsupported operand type(s) for +: 'int' and 'PrefectConcurrentFuture'
    return sum(count.map(stores).result())
