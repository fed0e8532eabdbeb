# orca-fixture: the call quoted alone (as inline code in a sentence): nothing shows where it runs
# prefect: 3.4.20
# rule: missing-run-context
# lines: none
get_run_logger()
