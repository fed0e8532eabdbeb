# orca-fixture: the top-level import on 2.x
# prefect: 2.20.3
# rule: not-yet-available
# lines: none
from prefect import pause_flow_run

pause_flow_run(timeout=60)
