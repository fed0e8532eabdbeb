# orca-fixture: only the main block pasted, the flows defined in another file (2.x)
# prefect: 2.19.3
# rule: serve-blocks
# lines: 7
if __name__ == "__main__":
    ingest.serve(name="ingest-hourly", cron="0 * * * *")
    report.serve(name="report-daily", cron="0 6 * * *")
