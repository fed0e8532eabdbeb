from prefect import task
from prefect.concurrency.sync import concurrency

@task
def load_batch(rows):
    with concurrency("warehouse-writes", occupy=1):
        write(rows)
