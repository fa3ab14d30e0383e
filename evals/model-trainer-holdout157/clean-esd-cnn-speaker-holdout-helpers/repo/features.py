import torch
import torchaudio

_mel = torchaudio.transforms.MelSpectrogram(sample_rate=16000, n_fft=512, win_length=400,
                                            hop_length=160, n_mels=80)
_db = torchaudio.transforms.AmplitudeToDB(stype="power", top_db=80)


def logmel(path, max_frames=320):
    wav, sr = torchaudio.load(path)
    if sr != 16000:
        wav = torchaudio.functional.resample(wav, sr, 16000)
    spec = _db(_mel(wav.mean(0)))                      # (80, T)
    spec = spec - spec.mean(dim=1, keepdim=True)       # utterance-level CMN
    spec = spec / (spec.std(dim=1, keepdim=True) + 1e-5)
    if spec.size(1) >= max_frames:
        start = (spec.size(1) - max_frames) // 2
        return spec[:, start:start + max_frames]
    return torch.nn.functional.pad(spec, (0, max_frames - spec.size(1)))
