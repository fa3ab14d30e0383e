"""Reference formulas used as inputs and as the baseline."""
import numpy as np

GSC = 0.0820  # solar constant, MJ m-2 min-1


def extraterrestrial_radiation(lat_deg, doy):
    """FAO-56 eq. 21, MJ m-2 day-1."""
    phi = np.deg2rad(lat_deg)
    dr = 1 + 0.033 * np.cos(2 * np.pi * doy / 365)
    delta = 0.409 * np.sin(2 * np.pi * doy / 365 - 1.39)
    ws = np.arccos(np.clip(-np.tan(phi) * np.tan(delta), -1, 1))
    return (24 * 60 / np.pi) * GSC * dr * (ws * np.sin(phi) * np.sin(delta)
                                            + np.cos(phi) * np.cos(delta) * np.sin(ws))


def hargreaves_samani(tmax, tmin, ra_mj):
    """Temperature-only ET0 (mm/day); 0.408 converts MJ m-2 to mm of evaporated water."""
    tmean = (tmax + tmin) / 2
    return 0.0023 * 0.408 * ra_mj * (tmean + 17.8) * np.sqrt(np.clip(tmax - tmin, 0, None))
