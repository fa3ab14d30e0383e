"""Cache log-mel spectrograms for every clip in the manifest."""
from pathlib import Path

import numpy as np
import pandas as pd
import torch
import torchaudio
import yaml

params = yaml.safe_load(open("params.yaml"))
manifest = pd.read_csv(params["manifest"])
out_dir = Path(params["feature_dir"])
out_dir.mkdir(parents=True, exist_ok=True)

hop = int(16000 * params["features"]["hop_ms"] / 1000)
melspec = torchaudio.transforms.MelSpectrogram(sample_rate=16000, n_fft=512, win_length=400,
                                               hop_length=hop, n_mels=params["features"]["n_mels"])

for row in manifest.itertuples():
    wav, sr = torchaudio.load(row.path)
    wav = torchaudio.functional.resample(wav.mean(0), sr, 16000)
    wav = torch.nn.functional.pad(wav, (0, max(0, 16000 - wav.numel())))[:16000]
    logmel = torch.log(melspec(wav) + 1e-6).numpy().astype(np.float32)
    np.save(out_dir / f"{row.utt_id}.npy", logmel)
print(f"wrote {len(manifest)} feature files to {out_dir}")
