"""What people read, worded once: times and how their zone was decided, numbers with units, record
labels, aircraft names, finding titles and input labels. Qt-free and cheap to import (the standard
library and casefile.timeutil only), so the window, the report, the CLI and the parts' own
sentences all call it; see docs/developing.md ("One voice for people")."""
