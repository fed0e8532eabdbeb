# orca-fixture: the factory called, a function that is the value itself (task_input_hash), and another library's call
# prefect: 3.4.20
# rule: uncalled-factory
# lines: none
from functools import partial

from prefect import task
from prefect.tasks import exponential_backoff, task_input_hash


@task(retries=3, retry_delay_seconds=exponential_backoff(backoff_factor=10), cache_key_fn=task_input_hash)
def pull_orders(day):
    return day


helper = partial(print, sep=exponential_backoff)
