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
        total += fut.result()
        if fut.result() > 100:
            logger.warning("big table")
        logger.info(f"{table}: {fut.result()} rows")
        logger.info("running total " + str(fut.result()))
    return total
