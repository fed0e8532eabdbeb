# orca-fixture: concurrency from the sync module in a sync task
# prefect: 3.4.20
# rule: missing-async-with
# lines: none
from prefect import task
from prefect.concurrency.sync import concurrency

@task
def load_batch(rows):
    with concurrency("warehouse-writes", occupy=1):
        write(rows)
