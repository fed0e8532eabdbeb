# orca-fixture: the factory named through its module, on with_options (3.x)
# prefect: 3.4.20
# rule: uncalled-factory
# lines: 16
import prefect.tasks
from prefect import task


@task
def pull_orders(day):
    return day


slow = pull_orders.with_options(
    retries=3,
    retry_delay_seconds=prefect.tasks.exponential_backoff,
)
