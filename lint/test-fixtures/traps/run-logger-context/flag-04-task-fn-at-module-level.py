# orca-fixture: a task that takes the run logger, run through .fn() at module level (a quick test script)
# prefect: 3.4.20
# rule: missing-run-context
# lines: 10
from prefect import get_run_logger, task


@task
def clean(rows):
    get_run_logger().info("cleaning %d rows", len(rows))
    return [r for r in rows if r]


print(clean.fn([1, 0, 2]))
