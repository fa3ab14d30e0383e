"""Statistical downscaling of station Tmax from ERA5 large-scale predictors."""
