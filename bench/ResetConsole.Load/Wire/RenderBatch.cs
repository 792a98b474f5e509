using System.Buffers.Binary;
using System.Text;

namespace ResetConsole.Load.Wire;

/// <summary>
/// Just enough of Blazor's out-of-process render batch format (see RenderBatchWriter in aspnetcore, and
/// OutOfProcessRenderBatch.ts in blazor.web.js) to follow a screen without a DOM: the kinds of edit each updated
/// component got, the elements in newly inserted subtrees with their attributes, event handler ids, text and owning
/// component, the event handlers that setAttribute edits gave existing elements, and the handlers the batch disposed.
/// </summary>
public sealed partial class RenderBatch
{
    private const int FrameLength = 20;
    private const int EditLength = 16;

    private RenderBatch(int bytes) => Bytes = bytes;

    public int Bytes { get; }

    public int UpdatedComponents { get; private set; }

    /// <summary>Count of edits by <see cref="EditType"/> across all updated components.</summary>
    public int[] Edits { get; } = new int[11];

    public List<RenderedElement> Elements { get; } = [];

    /// <summary>New event handler ids set on elements already on screen, in tree order: (component, attribute, id).</summary>
    public List<(int ComponentId, string Attribute, ulong Handler)> ReassignedHandlers { get; } = [];

    public List<ulong> DisposedEventHandlers { get; } = [];

    public bool Removes => Edits[(int)EditType.RemoveFrame] > 0;

    public static RenderBatch Parse(ReadOnlySpan<byte> data)
    {
        var batch = new RenderBatch(data.Length);
        var end = data.Length;
        var updated = Int(data, end - 20);
        var references = Int(data, end - 16);
        var disposedHandlers = Int(data, end - 8);
        var strings = new StringTable(data, Int(data, end - 4), end - 20);

        var frames = Int(data, references);
        var owners = new int[frames];
        batch.UpdatedComponents = Int(data, updated);
        for (var i = 0; i < batch.UpdatedComponents; i++)
        {
            var diff = Int(data, updated + 4 + (i * 4));
            var componentId = Int(data, diff);
            var edits = diff + 4;
            var count = Int(data, edits);
            for (var e = 0; e < count; e++)
            {
                var edit = edits + 4 + (e * EditLength);
                var type = Int(data, edit);
                if (type is > 0 and < 11)
                {
                    batch.Edits[type]++;
                }

                var index = Int(data, edit + 8);
                if (type == (int)EditType.PrependFrame && index >= 0 && index < frames)
                {
                    var frame = references + 4 + (index * FrameLength);
                    var length = (FrameType)Int(data, frame) is FrameType.Element or FrameType.Component or FrameType.Region ? Int(data, frame + 4) : 1;
                    owners.AsSpan(index, Math.Clamp(length, 1, frames - index)).Fill(componentId);
                }
                else if (type == (int)EditType.SetAttribute && index >= 0 && index < frames)
                {
                    var frame = references + 4 + (index * FrameLength);
                    var handler = BinaryPrimitives.ReadUInt64LittleEndian(data[(frame + 12)..]);
                    if (handler != 0)
                    {
                        batch.ReassignedHandlers.Add((componentId, strings.Read(Int(data, frame + 4)) ?? string.Empty, handler));
                    }
                }
            }
        }

        ReadElements(data, references, strings, owners, batch.Elements);

        var handlers = Int(data, disposedHandlers);
        for (var i = 0; i < handlers; i++)
        {
            batch.DisposedEventHandlers.Add(BinaryPrimitives.ReadUInt64LittleEndian(data[(disposedHandlers + 4 + (i * 8))..]));
        }

        return batch;
    }

    // Reference frames hold every newly inserted subtree. An element's attributes are the attribute frames right
    // after it; its text is every text or markup frame inside its subtree (child components render elsewhere).
    private static void ReadElements(ReadOnlySpan<byte> data, int table, StringTable strings, int[] owners, List<RenderedElement> elements)
    {
        var count = Int(data, table);
        var first = table + 4;
        for (var i = 0; i < count; i++)
        {
            var frame = first + (i * FrameLength);
            if (Int(data, frame) != (int)FrameType.Element)
            {
                continue;
            }

            var subtree = Math.Min(Int(data, frame + 4), count - i);
            var element = new RenderedElement(strings.Read(Int(data, frame + 8)) ?? string.Empty, owners[i]);
            var text = new StringBuilder();
            var inAttributes = true;
            for (var j = i + 1; j < i + subtree; j++)
            {
                var child = first + (j * FrameLength);
                var type = (FrameType)Int(data, child);
                if (type == FrameType.Attribute && inAttributes)
                {
                    var name = strings.Read(Int(data, child + 4)) ?? string.Empty;
                    var handler = BinaryPrimitives.ReadUInt64LittleEndian(data[(child + 12)..]);
                    if (handler != 0)
                    {
                        element.Handlers[name] = handler;
                    }
                    else
                    {
                        element.Attributes[name] = strings.Read(Int(data, child + 8));
                    }

                    continue;
                }

                inAttributes = false;
                if (type == FrameType.Text)
                {
                    text.Append(strings.Read(Int(data, child + 4)));
                }
                else if (type == FrameType.Markup)
                {
                    // Static markup inside an element (Razor emits <span class="...">Cancel</span> as one frame): its text.
                    text.Append(System.Net.WebUtility.HtmlDecode(Tags().Replace(strings.Read(Int(data, child + 4)) ?? string.Empty, string.Empty)));
                }
            }

            element.Text = text.ToString();
            elements.Add(element);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("<[^>]*>")]
    private static partial System.Text.RegularExpressions.Regex Tags();

    private static int Int(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadInt32LittleEndian(data[offset..]);

    private readonly ref struct StringTable(ReadOnlySpan<byte> data, int start, int end)
    {
        private readonly ReadOnlySpan<byte> _data = data;

        public string? Read(int index)
        {
            if (index < 0 || start + (index * 4) >= end)
            {
                return null;
            }

            var position = Int(_data, start + (index * 4));
            var length = 0;
            var shift = 0;
            byte b;
            do
            {
                b = _data[position++];
                length |= (b & 0x7F) << shift;
                shift += 7;
            }
            while ((b & 0x80) != 0);
            return Encoding.UTF8.GetString(_data.Slice(position, length));
        }
    }
}

public enum FrameType
{
    Element = 1,
    Text = 2,
    Attribute = 3,
    Component = 4,
    Region = 5,
    ElementReferenceCapture = 6,
    Markup = 8,
    NamedEvent = 10,
}

public enum EditType
{
    PrependFrame = 1,
    RemoveFrame = 2,
    SetAttribute = 3,
    RemoveAttribute = 4,
    UpdateText = 5,
    StepIn = 6,
    StepOut = 7,
    UpdateMarkup = 8,
    PermutationListEntry = 9,
    PermutationListEnd = 10,
}

/// <summary>An element seen in a batch's inserted subtrees.</summary>
public sealed class RenderedElement(string name, int componentId)
{
    public string Name { get; } = name;

    public int ComponentId { get; } = componentId;

    public Dictionary<string, string?> Attributes { get; } = new(StringComparer.Ordinal);

    /// <summary>Event attribute name (e.g. <c>onclick</c>) to its event handler id.</summary>
    public Dictionary<string, ulong> Handlers { get; } = new(StringComparer.Ordinal);

    public string Text { get; set; } = string.Empty;

    public string? this[string attribute] => Attributes.GetValueOrDefault(attribute);
}
