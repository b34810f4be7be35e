# Reliability: fault-injecting proxy between tablets and server, fuzz targets.
