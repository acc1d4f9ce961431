// The settings OBS needs, in the words of its own menus. The server copies the source into HLS as it
// comes, so it has to be H.264 and AAC with frequent keyframes (each segment starts on one).
export default function ObsSettings() {
  return (
    <section class="card form-card live-obs" aria-labelledby="obs-title">
      <h2 id="obs-title">OBS settings</h2>
      <p class="muted small">In OBS: Settings › Stream, then Settings › Output (Output Mode: Advanced).</p>
      <dl class="summary live-obs-list">
        <div>
          <dt>Service</dt>
          <dd>Custom…</dd>
        </div>
        <div>
          <dt>Server</dt>
          <dd>The server URL above</dd>
        </div>
        <div>
          <dt>Stream key</dt>
          <dd>The stream key above</dd>
        </div>
        <div>
          <dt>Encoder</dt>
          <dd>x264 (or your GPU's H.264 encoder)</dd>
        </div>
        <div>
          <dt>Rate control</dt>
          <dd>CBR, 2500–4500 kbps</dd>
        </div>
        <div>
          <dt>Keyframe interval</dt>
          <dd>2 s (1–2 s)</dd>
        </div>
        <div>
          <dt>Video</dt>
          <dd>1280×720, 30 fps</dd>
        </div>
        <div>
          <dt>Audio</dt>
          <dd>AAC, 160 kbps</dd>
        </div>
      </dl>
    </section>
  );
}
