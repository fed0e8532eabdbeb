from prefect import flow, task


@task
def count(store):
    return len(store)


@flow
def total_items(stores):
    counts = count.map(stores)
    print(max([f.result() for f in counts]))
