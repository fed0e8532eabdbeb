from prefect import flow
from prefect.concurrency.sync import concurrency as limit

@flow
def nightly(rows):
    with limit("warehouse-writes"):
        write(rows)


def cleanup():
    with limit("warehouse-writes"):
        vacuum()
