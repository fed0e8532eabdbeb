# orca-fixture: concurrency from the sync module in 2.x
# prefect: 2.19.4
# rule: missing-async-with
# lines: none
from prefect import flow
from prefect.concurrency.sync import concurrency

@flow
def nightly(rows):
    with concurrency("warehouse-writes", occupy=1):
        write(rows)
