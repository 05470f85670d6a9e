from compare.launcher import main

raise SystemExit(main())
