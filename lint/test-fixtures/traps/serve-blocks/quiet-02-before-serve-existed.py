# orca-fixture: a release before Flow.serve existed
# prefect: 2.10.0
# rule: serve-blocks
# lines: none
if __name__ == "__main__":
    ingest.serve(name="ingest-hourly")
    report.serve(name="report-daily")
