namespace ResetConsole.Directory.Demo;

internal static class DemoNames
{
    public static readonly string[] FirstNames =
    [
        "Aisha", "Akira", "Amara", "Amelia", "Ana", "Andrés", "Anh", "Anika", "Arjun", "Ben", "Björn", "Carlos",
        "Chen", "Chiara", "Daniel", "David", "Deepa", "Diego", "Elif", "Emeka", "Emma", "Ethan", "Fatima", "Felix",
        "François", "Grace", "Hana", "Hannah", "Hiroshi", "Hugo", "Ibrahim", "Inès", "Isabel", "Ivan", "Jack",
        "James", "Javier", "Jin", "José", "Julia", "Kai", "Karim", "Katarzyna", "Kenji", "Kofi", "Lars", "Laura",
        "Leila", "Liam", "Lina", "Lucas", "Lucía", "Mateo", "Maya", "Mehmet", "Mei", "Minh", "Mohammed", "Nadia",
        "Naledi", "Ngozi", "Nikhil", "Noah", "Olivia", "Oscar", "Pablo", "Rafael", "Rahul", "Rosa", "Ruth",
        "Sanjay", "Sara", "Sebastian", "Siobhan", "Sofia", "Sven", "Tariq", "Thandiwe", "Tomasz", "Valentina",
        "Wei", "Yara", "Yusuf", "Zainab", "Zoë",
    ];

    public static readonly string[] LastNames =
    [
        "Adeyemi", "Ahmed", "Alvarez", "Andersson", "Bakker", "Banerjee", "Bianchi", "Boateng", "Brown", "Byrne",
        "Campbell", "Chowdhury", "Cohen", "Costa", "Dimitrov", "Dubois", "Eriksson", "Fernández", "Ferreira",
        "Fischer", "Fraser", "García", "Gupta", "Hansen", "Harris", "Hernández", "Horvat", "Hughes", "Ito",
        "Jansen", "Johnson", "Kariuki", "Kaur", "Kelly", "Kim", "Kovacs", "Kowalski", "Kumar", "Larsen",
        "Lindqvist", "Lopez", "MacDonald", "Mahlangu", "Martins", "Mensah", "Moreau", "Müller", "Murphy",
        "Mwangi", "Nakamura", "Nasser", "Nguyen", "Novak", "O'Brien", "Okonkwo", "Olsen", "Osei",
        "Papadopoulos", "Park", "Petrov", "Popescu", "Rahman", "Reid", "Rossi", "Santos", "Schmidt", "Silva",
        "Singh", "Smith", "Suzuki", "Tanaka", "Taylor", "Thompson", "Van der Berg", "Virtanen", "Walsh", "Wang",
        "Watanabe", "Williams", "Wilson", "Yilmaz", "Zhang", "Zhou",
    ];

    public static readonly (string City, bool IsUk)[] Offices =
    [
        ("London", true), ("Manchester", true), ("Edinburgh", true),
        ("New York", false), ("Seattle", false), ("Austin", false), ("Chicago", false),
    ];

    public static readonly string[] UsAreaCodes = ["212", "206", "512", "312", "415", "617"];

    public static readonly string[] TravelCities = ["Paris", "Amsterdam", "Dublin", "Toronto", "Boston", "Berlin"];

    public static readonly string[] PushDevices =
        ["iPhone 15", "iPhone 14", "iPhone 13", "Pixel 8", "Pixel 7a", "Galaxy S24", "Galaxy A54"];

    public static readonly string[] TotpApps = ["Microsoft Authenticator", "Google Authenticator", "Authy"];

    public static readonly string[] SecurityKeys = ["YubiKey 5C NFC", "YubiKey 5 Nano", "Feitian ePass K9"];

    public static readonly string[] SessionDevices =
    [
        "Windows 11 laptop, Edge", "Windows 11 laptop, Chrome", "MacBook Pro, Safari", "MacBook Air, Chrome",
        "iPhone, Outlook", "Android, Outlook", "iPad, Teams", "Linux workstation, Firefox",
    ];
}
