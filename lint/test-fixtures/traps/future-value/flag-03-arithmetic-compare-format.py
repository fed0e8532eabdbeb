# orca-fixture: a submitted future added up, compared and formatted
# prefect: 3.1.0
# rule: record-used-as-value
# lines: 19 20 22 23
from prefect import flow, get_run_logger, task


@task
def rows_in(table):
    return 10


@flow
def audit(tables):
    logger = get_run_logger()
    total = 0
    for table in tables:
        fut = rows_in.submit(table)
        total += fut
        if fut > 100:
            logger.warning("big table")
        logger.info(f"{table}: {fut} rows")
        logger.info("running total " + str(fut))
    return total
