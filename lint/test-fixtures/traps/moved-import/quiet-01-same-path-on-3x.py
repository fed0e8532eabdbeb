# orca-fixture: the 3.x path on 3.x
# prefect: 3.4.20
# rule: not-yet-available
# lines: none
from prefect.flow_runs import pause_flow_run

pause_flow_run(timeout=60)
