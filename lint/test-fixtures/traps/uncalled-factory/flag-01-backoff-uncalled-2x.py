# orca-fixture: exponential_backoff passed to retry_delay_seconds without calling it (2.x)
# prefect: 2.16.2
# rule: uncalled-factory
# lines: 9
from prefect import task
from prefect.tasks import exponential_backoff


@task(retries=4, retry_delay_seconds=exponential_backoff)
def pull_orders(day):
    return day
