import ClipMedia
import Foundation

/// The human text of `clipkit probe` for one file.
enum ProbeReport {
    static func text(_ info: MediaInfo) -> String {
        var out = Terminal.style(info.path, "1") + "  (\(info.container))\n"
        var facts = ["duration \(info.duration.map { clock($0) } ?? "unknown")",
                     "start \(String(format: "%.3f", info.startTime)) s",
                     "size \(bytes(info.size))"]
        if let rate = info.bitRate { facts.append("bit rate \(rate / 1000) kb/s") }
        if let created = info.creationTime { facts.append("created \(created)") }
        out += "  " + facts.joined(separator: "   ") + "\n"
        var table = Table(["#", "kind", "codec", "profile", "details"])
        for stream in info.streams {
            table.add(["\(stream.index)", stream.kind, stream.codec, stream.profile ?? "-", details(stream)])
        }
        return out + table.render(indent: "  ") + "\n"
    }

    static func details(_ stream: StreamInfo) -> String {
        var parts: [String] = []
        if let v = stream.video {
            parts.append("\(v.width)x\(v.height) SAR \(v.sampleAspectRatio) DAR \(v.displayAspectRatio)")
            if let format = v.pixelFormat { parts.append(format) }
            if let fps = v.averageFrameRate { parts.append(String(format: "%.3f fps", fps)) }
            parts.append(v.variableFrameRate ? "VFR" : "CFR")
            if let count = v.frameCount { parts.append("\(count) frames") }
            if let gop = v.keyframeInterval { parts.append(String(format: "keyframe every %.2f s", gop)) }
            if v.rotation != 0 { parts.append(String(format: "rotation %.0f° (shown %dx%d)", v.rotation, v.displayWidth, v.displayHeight)) }
        }
        if let a = stream.audio {
            parts.append("\(a.sampleRate) Hz")
            parts.append(a.channelLayout ?? "\(a.channels) ch")
            if let format = a.sampleFormat { parts.append(format) }
        }
        if let rate = stream.bitRate { parts.append("\(rate / 1000) kb/s") }
        return parts.joined(separator: ", ")
    }

    /// H:MM:SS.mmm
    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds)
        let millis = Int(((seconds - Double(whole)) * 1000).rounded())
        return String(format: "%d:%02d:%02d.%03d", whole / 3600, whole / 60 % 60, whole % 60, millis)
    }

    static func bytes(_ count: Int) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(count)
        var unit = 0
        while value >= 1000, unit < units.count - 1 { value /= 1000; unit += 1 }
        return unit == 0 ? "\(count) B" : String(format: "%.1f %@", value, units[unit])
    }
}
