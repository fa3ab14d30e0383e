import numpy as np
import librosa


def add_noise(y, rng, snr_db=20.0):
    signal_power = np.mean(y ** 2) + 1e-10
    noise_power = signal_power / (10 ** (snr_db / 10))
    return y + rng.normal(0.0, np.sqrt(noise_power), size=y.shape).astype(y.dtype)


def pitch_shift(y, sr, rng):
    steps = rng.choice([-2, -1, 1, 2])
    return librosa.effects.pitch_shift(y, sr=sr, n_steps=float(steps))


def time_stretch(y, rng):
    rate = rng.uniform(0.85, 1.15)
    stretched = librosa.effects.time_stretch(y, rate=rate)
    if len(stretched) >= len(y):
        return stretched[: len(y)]
    return np.pad(stretched, (0, len(y) - len(stretched)))


def make_variants(y, sr, rng, n_variants=3):
    ops = [lambda s: add_noise(s, rng), lambda s: pitch_shift(s, sr, rng), lambda s: time_stretch(s, rng)]
    return [ops[i % len(ops)](y) for i in range(n_variants)]
