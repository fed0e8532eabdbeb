# orca-fixture: two flows served one after the other under the main guard (3.x)
# prefect: 3.6.1
# rule: serve-blocks
# lines: 20
from prefect import flow


@flow
def ingest():
    pass


@flow
def report():
    pass


if __name__ == "__main__":
    ingest.serve(name="ingest-hourly", cron="0 * * * *")
    report.serve(name="report-daily", cron="0 6 * * *")
