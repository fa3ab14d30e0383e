import numpy as np

# Kinetics-400 RGB statistics used by the pretrained video backbones we compare against
KINETICS_MEAN = np.array([0.43216, 0.394666, 0.37645], dtype=np.float32)
KINETICS_STD = np.array([0.22803, 0.22145, 0.216989], dtype=np.float32)


def normalise_clips(clips_uint8):
    """(N, T, H, W, 3) uint8 -> float32 normalised with the fixed Kinetics constants."""
    x = clips_uint8.astype(np.float32) / 255.0
    return (x - KINETICS_MEAN) / KINETICS_STD


def temporal_subsample(clips, n_frames):
    idx = np.linspace(0, clips.shape[1] - 1, n_frames).round().astype(int)
    return clips[:, idx]
